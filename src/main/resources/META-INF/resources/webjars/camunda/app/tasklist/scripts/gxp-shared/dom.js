/*
 * GxP Flow: building the Tasklist plugins' markup. `element('input', {id: 'x', required: true}, …children)`:
 * attributes as given (true → present, false/null/undefined → absent), children appended (nodes or text).
 */
export function element(tag, attributes, ...children) {
  const node = document.createElement(tag);
  Object.entries(attributes || {}).forEach(([name, value]) => {
    if (value === true) {
      node.setAttribute(name, '');
    } else if (value !== false && value !== null && value !== undefined) {
      node.setAttribute(name, value);
    }
  });
  children.forEach(child => node.append(child));
  return node;
}
