// Package jupyter drives the real Jupyter and the real GoNB kernel:
// it runs notebooks headless through `jupyter nbconvert --execute`,
// a few at a time, and reports every cell that failed and may not,
// starts and stops the Jupyter Notebook server learners open, and
// reads GoNB's compile errors out of the HTML it shows them in.
package jupyter
