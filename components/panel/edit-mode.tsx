import { createContext, useContext } from 'react';

/**
 * Whether the handoff's view shows its sender's edit form instead of its detail. The handoff view
 * provides it; the "Edit handoff" button, deep in the detail, turns it on. Without a provider (a
 * detail shown on its own) nothing is editable from it.
 */
export interface EditMode {
  editing: boolean;
  setEditing: (editing: boolean) => void;
}

export const EditModeContext = createContext<EditMode | null>(null);

export const useEditMode = (): EditMode | null => useContext(EditModeContext);
