package hub

import "github.com/goconc/goconc/kernel/internal/service"

// MarkerVar is the environment variable that every process a hub
// starts carries, with the hub's own value: the proxy and the
// hub's children inherit it from the hub, and the config puts it into
// every single-user server's environment, whose kernels and cells
// inherit it. Its value is the hub's dir (absolute), so a caller that
// knows the dir finds the hub's processes (Marked). JupyterHub starts single-user servers and kernels in
// sessions of their own, so a process group does not hold them all;
// the marker does, even once a process has lost its parent.
const MarkerVar = "GOCONC_HUB_ID"

// Marked lists the pids of the live processes whose environment has
// MarkerVar=id (those of other users are found when we are root).
func Marked(id string) []int { return service.Marked(MarkerVar, id) }
