// Package hub serves the course to a class on one machine with real
// JupyterHub: the class install every learner's kernel runs on (the
// course's lessons, the pinned tools, a module cache and a warm build
// cache, all read-only to learners), the hand-out of the course
// notebooks into each learner's home on every login, and the
// `jupyterhub` process itself, started with the project's
// hub/jupyterhub_config.py and stopped with every process it started.
package hub
