import { FormField, FormLabel, Select, SelectOption } from '@utrecht/component-library-react';

export const PAGE_SIZES = [25, 50, 100, 200] as const;

/** A page size from the URL, one of PAGE_SIZES (50 otherwise). */
export function pageSizeOf(raw: string | null): number {
  const n = Number(raw);
  return (PAGE_SIZES as readonly number[]).includes(n) ? n : 50;
}

export function PageSizeSelect({ value, onChange }: { value: number; onChange: (size: number) => void }) {
  return (
    <FormField className="vs-page-size">
      <FormLabel htmlFor="page-size">Rijen per pagina</FormLabel>
      <Select id="page-size" value={String(value)} onChange={(e) => onChange(Number(e.target.value))}>
        {PAGE_SIZES.map((n) => (
          <SelectOption key={n} value={String(n)}>
            {n}
          </SelectOption>
        ))}
      </Select>
    </FormField>
  );
}
