package browser

// The JavaScript that reads and drives the classic Notebook page. It
// talks to the page's own `Jupyter.notebook` object, the one behind
// the page's menus: Cell ▸ Run All is execute_all_cells.

// kernelReady is true once the notebook is loaded and its kernel is
// connected, so Run All reaches a kernel and not an empty queue.
const kernelReady = `!!(window.Jupyter && Jupyter.notebook && Jupyter.notebook._fully_loaded &&
	Jupyter.notebook.kernel && Jupyter.notebook.kernel.is_connected())`

// pageTrouble is the text of an open dialog (kernel not found, failed
// to start) and of the kernel indicator, for an error message.
const pageTrouble = `(() => {
	const parts = [];
	for (const d of document.querySelectorAll('.modal-dialog')) parts.push('dialog: ' + d.innerText.trim());
	const k = document.getElementById('notification_kernel');
	if (k && k.innerText.trim()) parts.push('kernel: ' + k.innerText.trim());
	return parts.join('\n');
})()`

// runCells turns autosave off and runs the cells at the given indices
// (a JSON array), in order, as selecting them and Run Cells does.
const runCells = `((indices) => {
	Jupyter.notebook.set_autosave_interval(0);
	Jupyter.notebook.execute_cells(indices);
	return true;
})`

// markCell gives the element of the cell at an index the id
// goconc-shot, for a screenshot of it alone.
const markCell = `((index) => {
	const old = document.getElementById('goconc-shot');
	if (old) old.removeAttribute('id');
	const el = Jupyter.notebook.get_cell(index).element[0];
	el.id = 'goconc-shot';
	el.scrollIntoView();
	return true;
})`

// runAll turns autosave off (the copy on disk stays as we wrote it)
// and runs every cell, as Cell ▸ Run All does.
const runAll = `(() => {
	Jupyter.notebook.set_autosave_interval(0);
	Jupyter.notebook.execute_all_cells();
	return true;
})()`

// progress is how far Run All is: the cells still queued or running
// show the prompt '*'; the first of them is the one running.
const progress = `(() => {
	const cells = Jupyter.notebook.get_cells();
	let pending = 0, running = -1;
	cells.forEach((c, i) => {
		if (c.cell_type === 'code' && c.input_prompt_number === '*') {
			pending++;
			if (running < 0) running = i;
		}
	});
	return {pending, running, busy: !!Jupyter.notebook.kernel_busy, total: cells.length};
})()`

// pageProgress is progress as Go reads it.
type pageProgress struct {
	Pending int  `json:"pending"`
	Running int  `json:"running"`
	Busy    bool `json:"busy"`
	Total   int  `json:"total"`
}

// readCells is what the page shows of every cell: its prompt, the text
// of its outputs as rendered, its error outputs, its stderr, and the
// pictures (svg elements with a size) in its outputs, counting apart the
// scheduler's (class goconc-sched, timeline.SchedClass).
const readCells = `Jupyter.notebook.get_cells().map((c) => {
	const el = c.element[0];
	const texts = (sel) => Array.from(el.querySelectorAll(sel)).map((e) => e.innerText);
	const out = el.querySelector('.output');
	const svgs = Array.from(el.querySelectorAll('.output_area svg')).filter((s) => {
		const r = s.getBoundingClientRect();
		return r.width > 0 && r.height > 0;
	});
	const p = c.input_prompt_number;
	return {
		id: c.id || '',
		type: c.cell_type,
		prompt: (typeof p === 'number') ? String(p) : (p === '*' ? '*' : ''),
		text: out ? out.innerText : '',
		errors: texts('.output_error'),
		stderr: texts('.output_stderr').join(''),
		svgs: svgs.length,
		sched: svgs.filter((s) => s.classList.contains('goconc-sched')).length,
		scorecards: Array.from(el.querySelectorAll('.goconc-scorecard')).map((s) => ({
			exercise: s.dataset.exercise || '',
			passed: s.dataset.passed === 'true',
			points: Number(s.dataset.points),
			max: Number(s.dataset.maxPoints),
			claims: Array.from(s.querySelectorAll('.goconc-claim')).map((c) => ({
				text: c.innerText, held: c.classList.contains('held'),
			})),
		})),
	};
})`

// expandPage lets the notebook grow to its full height, so a full-page
// screenshot holds every cell (the page normally scrolls inside #site).
const expandPage = `(() => {
	for (const el of [document.documentElement, document.body, document.getElementById('site')]) {
		el.style.height = 'auto';
		el.style.overflow = 'visible';
	}
	document.body.style.position = 'static';
	return document.documentElement.scrollHeight;
})()`

// notebookJSON is the notebook as the page holds it, outputs included.
const notebookJSON = `JSON.stringify(Jupyter.notebook.toJSON(), null, 1)`
