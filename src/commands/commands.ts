/**
 * The manifest's FunctionFile. The ribbon button only shows the task pane (ShowTaskpane needs no function),
 * so nothing is registered yet; Office still expects the file to initialise office.js.
 */
Office.onReady();

export {};
