import { Tabs } from '@mantine/core';
import type { ReactNode } from 'react';

export interface StatusTab {
  value: string;
  label: string;
}

interface StatusTabsProps<T extends StatusTab> {
  tabs: readonly T[];
  /** The selected tab's value. */
  value: string;
  onChange: (value: string) => void;
  /** The panel of a tab; only the selected one is mounted. */
  children: (tab: T) => ReactNode;
}

/** A list's tabs by status ("All", "Pending", …) above the panel of the selected one. */
export function StatusTabs<T extends StatusTab>({ tabs, value, onChange, children }: StatusTabsProps<T>) {
  return (
    <Tabs
      value={value}
      onChange={(next) => {
        if (next !== null) onChange(next);
      }}
      keepMounted={false}
    >
      <Tabs.List>
        {tabs.map((tab) => (
          <Tabs.Tab key={tab.value} value={tab.value}>
            {tab.label}
          </Tabs.Tab>
        ))}
      </Tabs.List>
      {tabs.map((tab) => (
        <Tabs.Panel key={tab.value} value={tab.value} pt="md">
          {children(tab)}
        </Tabs.Panel>
      ))}
    </Tabs>
  );
}
