package atomicfile

import (
	"crypto/rand"
	"os"
	"path/filepath"
)

// WriteIn is WriteFile inside root: the temp file and the rename stay
// beneath root, so a symlink planted there cannot take the write
// anywhere else (a learner's folder, written as root). before, when
// set, is called with the temp file's name, written and closed, just
// before it takes name's place: to chown it, so the file is never
// seen with the wrong owner.
func WriteIn(root *os.Root, name string, data []byte, perm os.FileMode, before func(tmp string) error) error {
	tmp := filepath.Join(filepath.Dir(name), "."+filepath.Base(name)+"."+rand.Text())
	f, err := root.OpenFile(tmp, os.O_WRONLY|os.O_CREATE|os.O_EXCL, perm)
	if err != nil {
		return err
	}
	defer root.Remove(tmp)
	if _, err := f.Write(data); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	if before != nil {
		if err := before(tmp); err != nil {
			return err
		}
	}
	return root.Rename(tmp, name)
}
