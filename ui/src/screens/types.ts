/** What a screen renderer returns: its root, and what gets focus when it is first shown. */
export interface Screen {
  root: HTMLElement;
  focus: HTMLElement;
}
