package hub

import (
	"os"
	"path/filepath"
	"syscall"
)

// owner is whom the files put into a home belong to: the home's
// owner when we run as root (the hub's hook runs as root for PAM
// users), else nobody is changed (-1, files stay ours).
type owner struct{ uid, gid int }

func ownerOf(home string) (owner, error) {
	info, err := os.Stat(home)
	if err != nil {
		return owner{}, err
	}
	st, ok := info.Sys().(*syscall.Stat_t)
	if !ok || os.Geteuid() != 0 {
		return owner{-1, -1}, nil
	}
	return owner{int(st.Uid), int(st.Gid)}, nil
}

// give makes path the owner's; a no-op when not root.
func (o owner) give(path string) error {
	if o.uid < 0 {
		return nil
	}
	return os.Lchown(path, o.uid, o.gid)
}

// mkdir makes dir and its missing parents below the home, each given
// to the owner.
func (o owner) mkdirAll(home, dir string) error {
	if _, err := os.Stat(dir); err == nil {
		return nil
	}
	if parent := filepath.Dir(dir); parent != home && parent != dir {
		if err := o.mkdirAll(home, parent); err != nil {
			return err
		}
	}
	if err := os.Mkdir(dir, 0o755); err != nil && !os.IsExist(err) {
		return err
	}
	return o.give(dir)
}
