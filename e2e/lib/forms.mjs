// Filling Camunda Forms (form-js) the way a person does: by the labels they read.

/** The form-js form on the page (a task's form or the start form in its dialog). */
export function form(page) {
  return page.locator('form.fjs-form').last();
}

/** A field's label as form-js renders it: the text, and a star when the field is required. */
export function labelled(label) {
  return new RegExp('^\\s*' + label.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&') + '\\s*\\*?\\s*$');
}

export async function text(page, label, value) {
  await form(page).getByLabel(labelled(label)).fill(value);
}

/** A select (form-js dropdown): opens it and picks the option by its label. */
export async function select(page, label, option) {
  const field = form(page).locator('.fjs-form-field').filter({ has: page.locator('label').filter({
    hasText: labelled(label) }) });
  await field.locator('.fjs-input-group').first().click();
  await field.locator('.fjs-dropdownlist-item', { hasText: option }).first().click();
}

export async function radio(page, option) {
  await form(page).getByLabel(labelled(option)).check();
}

export async function checkbox(page, label) {
  await form(page).getByLabel(labelled(label)).check();
}

/** A date (and time) field: typed as the date picker accepts it, mm/dd/yyyy and hh:mm. */
export async function dateTime(page, dateLabel, date, timeLabel, time) {
  const dateInput = form(page).getByLabel(labelled(dateLabel));
  await dateInput.fill(date);
  await dateInput.press('Tab');
  if (timeLabel) {
    const timeInput = form(page).getByLabel(labelled(timeLabel));
    await timeInput.fill(time);
    await timeInput.press('Tab');
  }
}
