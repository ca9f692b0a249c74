# docker.sh, sourced by hub/image/build and hub/image/test: a dockerd
# of goconc's own (Debian's docker.io), started if none answers on its
# socket and stopped again by whoever started it. Its own data root and
# socket keep it apart from any other Docker on the machine; no bridge
# and no iptables, as nothing it runs needs a network (builds and runs
# are --network none: the image is made offline from what is on this
# machine).
GOCONC_DOCKER_ROOT=${GOCONC_DOCKER_ROOT:-/var/lib/goconc-docker}
export DOCKER_HOST=${DOCKER_HOST:-unix:///run/goconc-docker.sock}
export DOCKER_BUILDKIT=0 # the classic builder: BuildKit is a separate package
started_dockerd=

docker_up() {
	if docker version >/dev/null 2>&1; then return; fi
	if ! command -v dockerd >/dev/null; then
		echo "no dockerd: as root, apt-get install debootstrap docker.io" >&2
		exit 1
	fi
	mkdir -p "$GOCONC_DOCKER_ROOT"
	dockerd --data-root "$GOCONC_DOCKER_ROOT" --exec-root /run/goconc-docker \
		--pidfile /run/goconc-docker.pid --host "$DOCKER_HOST" \
		--bridge none --iptables=false --ip6tables=false \
		>"$GOCONC_DOCKER_ROOT.log" 2>&1 &
	started_dockerd=$!
	for _ in $(seq 60); do
		docker version >/dev/null 2>&1 && return
		sleep 1
	done
	echo "dockerd did not answer in 60 s; its log: $GOCONC_DOCKER_ROOT.log" >&2
	exit 1
}

docker_down() {
	if [ -n "$started_dockerd" ]; then
		kill "$started_dockerd" 2>/dev/null || true
		wait "$started_dockerd" 2>/dev/null || true
	fi
}
