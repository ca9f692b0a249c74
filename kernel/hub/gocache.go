package hub

import (
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// SeedGoCache gives a learner a warm build cache of their own at
// home/.cache/go-build (Go's default GOCACHE for that home), filled
// from the class's warm one, so their first cell compiles only itself.
//
// Go needs a writable GOCACHE, so the shared one cannot simply be
// used. Its entries are of two kinds: outputs (NAME-d: compiled
// packages, named by the SHA-256 of their content, written once and
// never changed; Go rewrites one only if its content does not match
// its name) and index entries (NAME-a: an action's id pointing at an
// output, which Go may overwrite in place). So outputs are
// hard-linked (free, and shared by every learner; as root, they stay
// root's, read-only to the learner) and index entries are copied (a
// hundred bytes each), so no learner's go command can write into
// another's cache or the class's. Where a link is not possible (the
// class install and the homes on different file systems) an output is
// copied. An entry the learner already has is kept.
// It returns how many entries it added.
func SeedGoCache(shared, home string) (int, error) {
	o, err := ownerOf(home)
	if err != nil {
		return 0, err
	}
	dst := filepath.Join(home, ".cache", "go-build")
	if err := o.mkdirAll(home, dst); err != nil {
		return 0, err
	}
	added := 0
	err = filepath.WalkDir(shared, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(shared, path)
		to := filepath.Join(dst, rel)
		if _, err := os.Lstat(to); err == nil {
			if d.IsDir() && !isOutput(path) {
				return nil // walk on into a bucket the learner has
			}
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		switch {
		case d.IsDir() && rel == ".":
			return nil
		case d.IsDir():
			if err := os.Mkdir(to, 0o755); err != nil {
				return err
			}
			return o.give(to)
		case isOutput(path) || isOutput(filepath.Dir(path)):
			if os.Link(path, to) != nil {
				if err := copyFile(path, to, o); err != nil {
					return err
				}
			}
		default:
			if err := copyFile(path, to, o); err != nil {
				return err
			}
		}
		added++
		return nil
	})
	return added, err
}

// isOutput is whether a cache path is an output (-d), a file or, for
// a cached executable, a directory holding it.
func isOutput(path string) bool { return strings.HasSuffix(path, "-d") }

// copyFile copies a cache file, keeping its mode and mtime (Go trims
// entries by mtime).
func copyFile(src, dst string, o owner) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	info, err := in.Stat()
	if err != nil {
		return err
	}
	out, err := os.OpenFile(dst, os.O_WRONLY|os.O_CREATE|os.O_EXCL, info.Mode().Perm()|0o200)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	if err := out.Close(); err != nil {
		return err
	}
	os.Chtimes(dst, info.ModTime(), info.ModTime())
	return o.give(dst)
}
