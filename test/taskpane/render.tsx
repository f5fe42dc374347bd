/** Renders the whole pane (App) with a fake host and the engine on the test's own thread. */
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App } from '../../src/taskpane/App';
import { InlineEngine } from '../../src/taskpane/engine/inline';
import type { FakeHost } from './fake-host';

export function renderPane(host: FakeHost) {
  const user = userEvent.setup();
  const engine = new InlineEngine();
  const view = render(<App host={host} engine={engine} dark={false} />);
  return { user, engine, ...view };
}

/** The pages behind the "More" menu, and the parts of Publish (tabs within that page). */
const MENU_PAGES = ['Model', 'Settings', 'Rule help'];
const PUBLISH_PARTS = ['Register', 'Panel report'];

/** Switches to a page: by its tab, through the "More" menu, or Publish and then its part's tab. */
export async function openPage(user: ReturnType<typeof userEvent.setup>, name: string): Promise<HTMLElement> {
  if (MENU_PAGES.includes(name)) {
    await user.click(screen.getByRole('button', { name: 'More' }));
    await user.click(await screen.findByRole('menuitem', { name }));
    return screen.getByRole('region', { name });
  }
  if (PUBLISH_PARTS.includes(name)) await user.click(screen.getByRole('tab', { name: 'Publish' }));
  await user.click(screen.getByRole('tab', { name }));
  return screen.getByRole('tabpanel', { name });
}

/** Long enough for the engine to read and check the sample on a slow CI machine. */
export const ENGINE_WAIT = { timeout: 20_000 };

export { screen, within };
