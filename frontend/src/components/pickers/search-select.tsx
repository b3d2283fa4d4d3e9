import type { ComboboxItem, SelectProps } from '@mantine/core';
import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';

export interface SearchOption extends ComboboxItem<number> {
  /** A second line under the label in the list, e.g. the department. */
  hint?: string;
  /** Cannot be chosen when the field sets `disableBlocked` (e.g. a patient in hospital). */
  blocked?: boolean;
}

export type SearchSelectProps = Omit<
  SelectProps<number>,
  'data' | 'searchable' | 'searchValue' | 'onSearchChange' | 'filter'
> & {
  /**
   * Options the field must be able to show before any search, e.g. the value the form starts
   * with ({value, label}).
   */
  knownOptions?: SearchOption[];
  /** Show options marked `blocked` as disabled. */
  disableBlocked?: boolean;
};

interface SearchSelectBaseProps extends SearchSelectProps {
  /** The options matching a search text (the server searches; '' is the first page). */
  useOptions: (search: string) => { options: SearchOption[]; isFetching: boolean };
  nothingFound: string;
}

/**
 * A select whose options the server searches as the user types: lists that outgrow one page
 * (patients, doctors) stay usable without loading every row.
 */
export function SearchSelect({
  useOptions,
  knownOptions = [],
  disableBlocked = false,
  nothingFound,
  onChange,
  ...props
}: SearchSelectBaseProps) {
  const [search, setSearch] = useState('');
  const [chosen, setChosen] = useState<SearchOption | null>(null);
  const [debounced] = useDebouncedValue(search, 250);
  // After a choice the field shows the option's label; that is not a new search.
  const shownLabels = [chosen, ...knownOptions].map((option) => option?.label);
  const term = shownLabels.includes(debounced) ? '' : debounced.trim();
  const { options, isFetching } = useOptions(term);

  const data: SearchOption[] = options.map((option) =>
    disableBlocked && option.blocked === true ? { ...option, disabled: true } : option,
  );
  for (const extra of [chosen, ...knownOptions]) {
    if (extra !== null && !data.some((option) => option.value === extra.value)) data.push(extra);
  }
  const hints = new Map(data.map((option) => [option.value, option.hint]));

  return (
    <Select<number>
      {...props}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options: all }) => all}
      data={data}
      nothingFoundMessage={isFetching ? 'Searching…' : nothingFound}
      renderOption={({ option }) => {
        const hint = hints.get(option.value);
        return (
          <div>
            <div>{option.label}</div>
            {hint !== undefined && hint !== '' && (
              <div style={{ fontSize: 'var(--mantine-font-size-xs)', opacity: 0.85 }}>{hint}</div>
            )}
          </div>
        );
      }}
      onChange={(value, option) => {
        setChosen(
          option === null ? null : (data.find((item) => item.value === option.value) ?? option),
        );
        onChange?.(value, option);
      }}
    />
  );
}
