# The two commands of the README. Everything else is a step of theirs.
#
#   make course   set up GoNB, goimports and Jupyter, then open the course
#   make test     everything CI runs

GOCONC := bin/goconc

.PHONY: course test setup-headless setup-browser setup-hub fmt vet unit lint validate notebooks outputs browser hub capacity image image-test $(GOCONC)

course: $(GOCONC)
	$(GOCONC) setup
	$(GOCONC) open

test: setup-headless fmt vet unit lint validate notebooks outputs browser hub

$(GOCONC):
	go build -o $@ ./cmd/goconc

# The pinned tools and headless Jupyter (apt-get when root on Debian).
setup-headless: $(GOCONC)
	$(GOCONC) setup --headless

# Also Jupyter Notebook and Chromium, for the browser test.
setup-browser: $(GOCONC)
	$(GOCONC) setup --headless --browser

# Also JupyterHub and the class install (as root: /usr/local/lib/goconc
# and the GoNB kernel spec in /usr/local/share/jupyter), for the hub test.
setup-hub: $(GOCONC)
	$(GOCONC) setup --headless --browser --hub

fmt:
	@out=$$(gofmt -l .); if [ -n "$$out" ]; then echo "gofmt would change:"; echo "$$out"; exit 1; fi

vet:
	go vet ./...

unit:
	go test -race -timeout 20m ./...

lint: $(GOCONC)
	$(GOCONC) lint

# Jupyter's own validator (Debian's python3-nbformat) on every notebook.
validate:
	/usr/bin/python3 .ci/validate-notebooks $(filter-out %.solved.ipynb,$(wildcard notebooks/*.ipynb)) $(wildcard kernel/notebook/testdata/roundtrip/*.ipynb)

# Every notebook, solutions pasted in, through the real GoNB kernel;
# the executed copies are saved as notebooks/NAME.solved.ipynb.
notebooks: $(GOCONC)
	$(GOCONC) run --solved --write $(filter-out %.solved.ipynb,$(wildcard notebooks/*.ipynb))

# What those executed notebooks printed: each lesson's
# TestNotebookOutputs asserts the lines its cells promise.
outputs:
	GOCONC_EXECUTED=1 go test -count=1 -run '^TestNotebookOutputs$$' ./lessons/...

# Every notebook as a learner meets it: Jupyter Notebook in Chromium,
# solutions pasted in, Run All. Screenshots go to out/browser/.
browser: setup-browser
	GOCONC_BROWSER=1 go test -count=1 -v -timeout 60m -run '^TestEveryNotebookRunsCleanInTheBrowser$$' ./kernel/browser/

# A class on one machine: goconc hub, two learners in Chromium, one
# solving fetch-all; then collect, grade and the feedback handed back;
# and a real class: two Unix users logging in through PAM (as root).
hub: setup-hub
	GOCONC_HUB=1 go test -count=1 -v -timeout 20m -run '^(TestAClassOnTheHubWorksIsCollectedGradedAndGetsFeedback|TestTheMachinesUsersLogInThroughPAMAndWorkAsThemselves)$$' ./kernel/browser/

# Not part of make test: measurements and the Kubernetes image.

# How many learners a machine carries: K = 1, 5, 10 learners' kernels
# at once, a cell each; memory per learner, cell latency, load.
capacity: $(GOCONC)
	$(GOCONC) setup --hub
	.ci/capacity

# The single-user image for Zero to JupyterHub, from a debootstrapped
# Debian (no registry reachable): as root, with debootstrap, docker.io.
image:
	hub/image/build

# One learner's first cells in that image, through the GoNB kernel.
image-test:
	hub/image/test
