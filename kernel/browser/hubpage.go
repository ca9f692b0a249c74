package browser

import (
	"encoding/json"
)

// The JavaScript of a learner's pages on the hub: the hub's login
// page, then the classic Notebook's tree and notebook pages.

// treeShown is true once the learner's server shows its file tree
// (the hub redirects there after spawning it).
const treeShown = `!!(document.querySelector('#notebook_list') && location.pathname.indexOf('/tree') >= 0)`

// setTagged sets the text of the first cell tagged tag, as the editor
// would, and marks the notebook changed.
const setTagged = `((tag, text) => {
	const cell = Jupyter.notebook.get_cells().find((c) => (c.metadata.tags || []).includes(tag));
	if (!cell) throw new Error('no cell tagged ' + tag);
	cell.set_text(text);
	Jupyter.notebook.set_dirty(true);
	return true;
})`

// saveNotebook saves through the page (File ▸ Save) and resolves once
// the server has written it.
const saveNotebook = `new Promise((resolve, reject) => {
	Jupyter.notebook.events.one('notebook_saved.Notebook', () => resolve(true));
	Jupyter.notebook.events.one('notebook_save_failed.Notebook', (e, err) => reject(new Error('save failed: ' + err)));
	Jupyter.notebook.save_notebook();
})`

// setupAndTagged are the indices of the first code cell and of the
// cells tagged with any of the tags, in notebook order.
const setupAndTagged = `((tags) => {
	const cells = Jupyter.notebook.get_cells();
	const first = cells.findIndex((c) => c.cell_type === 'code');
	return cells.map((c, i) => i).filter((i) => i === first ||
		(cells[i].metadata.tags || []).some((t) => tags.includes(t)));
})`

func jsStrings(s []string) string { b, _ := json.Marshal(s); return string(b) }
func jsInts(n []int) string       { b, _ := json.Marshal(n); return string(b) }
