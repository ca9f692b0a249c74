# The two commands of the README. Everything else is a step of theirs.
#
#   make course   set up GoNB, goimports and Jupyter, then open the course
#   make test     everything CI runs

GOCONC := bin/goconc

.PHONY: course test setup-headless fmt vet unit lint notebooks $(GOCONC)

course: $(GOCONC)
	$(GOCONC) setup
	$(GOCONC) open

test: setup-headless fmt vet unit lint notebooks

$(GOCONC):
	go build -o $@ ./cmd/goconc

# The pinned tools and headless Jupyter (apt-get when root on Debian).
setup-headless: $(GOCONC)
	$(GOCONC) setup --headless

fmt:
	@out=$$(gofmt -l .); if [ -n "$$out" ]; then echo "gofmt would change:"; echo "$$out"; exit 1; fi

vet:
	go vet ./...

unit:
	go test -race ./...

lint: $(GOCONC)
	$(GOCONC) lint

# Every notebook, solutions pasted in, through the real GoNB kernel.
notebooks: $(GOCONC)
	$(GOCONC) run --solved $(filter-out %.solved.ipynb,$(wildcard notebooks/*.ipynb))
