#!/usr/bin/env bash
# Gradescope runs this once, as root and with the internet, when it
# builds the autograder's image (Ubuntu), in /autograder/source: the
# course at commit {{.Commit}}. It installs what grading needs, so
# that grading a submission downloads nothing.
set -euo pipefail
cd /autograder/source

# bubblewrap is the grader's sandbox; prlimit (util-linux) sets its
# rlimits, with or without it.
apt-get update
apt-get install -y --no-install-recommends bubblewrap ca-certificates curl util-linux

# Go as go.mod asks for it, from go.dev.
arch=$(dpkg --print-architecture)
curl -fsSL "https://go.dev/dl/go{{.GoVersion}}.linux-${arch}.tar.gz" | tar -C /usr/local -xz
export PATH="/usr/local/go/bin:$PATH"

# The course's modules, and goconc.
go mod download
go build -o bin/goconc ./cmd/goconc

# Warm the build cache: grade the course's own notebooks (their stubs)
# once, as run_autograder grades a submission, so each lesson is built
# with the race detector now and not for every learner{{if .ExtraChecks}}, and the
# hidden checks are run on the course's solutions now, once (the cache
# remembers them), not for every submission{{end}}.
warm=$(mktemp -d)
mkdir "$warm/submission"
cp notebooks/*.ipynb "$warm/submission/"
bin/goconc gradescope run --root "$warm" --course . --notebooks '{{.Notebooks}}'{{if .ExtraChecks}} \
	--extra-checks {{.ExtraChecksDir}}{{end}}
rm -rf "$warm"
