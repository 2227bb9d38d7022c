// Form submissions as the plain objects the write schemas read.

export type FormValues = Record<string, string | string[]>;

/** FormData as an object: repeated names become lists; files are ignored. */
export function formValues(form: FormData): FormValues {
  const values: FormValues = {};
  for (const key of new Set(form.keys())) {
    const all = form.getAll(key).filter((v): v is string => typeof v === "string");
    values[key] = all.length === 1 ? all[0]! : all;
  }
  return values;
}

export const single = (values: FormValues, key: string): string | undefined => {
  const value = values[key];
  return Array.isArray(value) ? value[0] : value;
};

export const list = (values: FormValues, key: string): string[] => {
  const value = values[key];
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
};

/** Stakeholder links from `role:<stakeholderId>` selects; an empty choice means not linked. */
export function stakeholderLinks(values: FormValues) {
  return Object.entries(values)
    .filter(([key, role]) => key.startsWith("role:") && typeof role === "string" && role !== "")
    .map(([key, role]) => ({ stakeholderId: key.slice("role:".length), role: role as string }));
}
