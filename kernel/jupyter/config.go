package jupyter

import (
	"embed"
	"io/fs"
	"os"
	"path/filepath"
)

// config is the Jupyter config dir of the server goconc starts: its
// custom/custom.css stops the editor drawing Go's tabs as arrows.
//
//go:embed config
var config embed.FS

// writeConfigDir writes the config dir under the user's cache (Jupyter
// may write into it, so it is not the checkout's) and returns it. The
// server runs with JUPYTER_CONFIG_DIR set to it, so a learner's own
// ~/.jupyter settings do not apply to the course's server.
func writeConfigDir() (string, error) {
	base, err := os.UserCacheDir()
	if err != nil {
		base = os.TempDir()
	}
	dir := filepath.Join(base, "goconc", "jupyter-config")
	err = fs.WalkDir(config, "config", func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		to := filepath.Join(dir, filepath.FromSlash(path[len("config"):]))
		if d.IsDir() {
			return os.MkdirAll(to, 0o755)
		}
		data, err := config.ReadFile(path)
		if err != nil {
			return err
		}
		return os.WriteFile(to, data, 0o644)
	})
	return dir, err
}
