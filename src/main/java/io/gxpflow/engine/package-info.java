/**
 * Engine wiring: deployment of {@code bpmn/} and {@code forms/}, start after Liquibase, and what a
 * deployed model may reach ({@code expression/}). May use the engine, Spring, compliance and
 * integration (which connector operations a model may call); no process package.
 */
package io.gxpflow.engine;
