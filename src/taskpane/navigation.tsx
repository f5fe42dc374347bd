/**
 * Which page of the pane is showing, and the way any part of the pane moves to another: a finding's card
 * opens the rule help at its rule ("All rules"), for instance, without knowing how the pages are laid out.
 */
import { createContext, useContext, useMemo, useState, type ReactNode } from 'react';
import type { RuleId } from '../checks/finding';

/** The top-level sections (tabs) and the pages behind the menu. */
export const SECTIONS = ['check', 'analyse', 'publish'] as const;
export const MENU_PAGES = ['model', 'settings', 'rules'] as const;
export type SectionId = (typeof SECTIONS)[number];
export type PageId = SectionId | (typeof MENU_PAGES)[number];

/** A rule the rule help is to show; `asked` tells two requests for the same rule apart, so each one scrolls to it. */
interface RuleTarget {
  readonly rule: RuleId;
  readonly asked: number;
}

interface Navigation {
  readonly page: PageId;
  readonly ruleTarget: RuleTarget | null;
  show(page: PageId): void;
  /** Opens the rule help page at `rule`. */
  showRuleHelp(rule: RuleId): void;
}

const NavigationContext = createContext<Navigation | null>(null);

/** The pane's navigation; a part rendered on its own (outside the pane) gets one that goes nowhere. */
export function useNavigation(): Navigation {
  return useContext(NavigationContext) ?? NOWHERE;
}

const NOWHERE: Navigation = { page: 'check', ruleTarget: null, show: () => undefined, showRuleHelp: () => undefined };

export function NavigationProvider({ children }: { readonly children: ReactNode }) {
  const [page, setPage] = useState<PageId>('check');
  const [ruleTarget, setRuleTarget] = useState<RuleTarget | null>(null);
  const navigation = useMemo<Navigation>(
    () => ({
      page,
      ruleTarget,
      show: setPage,
      showRuleHelp: (rule: RuleId) => {
        setRuleTarget((last) => ({ rule, asked: (last?.asked ?? 0) + 1 }));
        setPage('rules');
      },
    }),
    [page, ruleTarget],
  );
  return <NavigationContext.Provider value={navigation}>{children}</NavigationContext.Provider>;
}
