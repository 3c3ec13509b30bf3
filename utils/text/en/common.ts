/** Words many screens share. */
export const commonText = {
  saving: 'Saving…',
  cancel: 'Cancel',
  close: 'Close',
  edit: 'Edit',
  delete: 'Delete',
  remove: 'Remove',
  open: 'Open',
  notSaved: 'Not saved:',
  none: '—',
  allThemes: 'All themes',
  theme: 'Theme',
  search: 'Search',
  notes: 'Notes',
  effectiveDate: 'Effective date',
  hint: (hint: string) => `(${hint})`,
  actions: 'Actions',
  control: 'Control',
  searchPlaceholder: 'ID or words, e.g. A.8.13 or backup',
  removeItem: (id: string) => `Remove ${id}`,
  editItem: (id: string) => `Edit ${id}`,
  deleteItem: (id: string) => `Delete ${id}`,
};

/** Finding a control by ID or words, in the tagging panel, the findings form and the file drop. */
export const pickerText = {
  addControl: 'Add a control',
  matching: 'Matching controls',
  noMatch: (query: string) => `No control matches “${query}”.`,
};
