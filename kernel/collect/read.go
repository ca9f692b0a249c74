package collect

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"syscall"
	"time"
)

// maxNotebook is the largest notebook collected: a notebook with
// plots in its outputs is a few MiB; a bigger file is not a notebook
// anyone means to hand in.
const maxNotebook = 100 << 20

// readNotebook reads course/<file> as it is, with its modification
// time, or says in a few words why it cannot. A symlink is followed
// only within course/ (os.Root refuses the rest); a FIFO or device is
// never read, and opening one does not block.
func readNotebook(course *os.Root, file string, typ fs.FileMode) ([]byte, time.Time, string) {
	f, err := openQuietly(course, file)
	if err != nil {
		switch {
		case typ&fs.ModeSymlink == 0:
			return nil, time.Time{}, "cannot read it: " + pathless(err)
		case errors.Is(err, fs.ErrNotExist):
			return nil, time.Time{}, "a symlink to nothing: not collected"
		case errors.Is(err, fs.ErrPermission):
			return nil, time.Time{}, "cannot read it: " + pathless(err)
		}
		target, _ := course.Readlink(file)
		return nil, time.Time{}, fmt.Sprintf("a symlink to %s, out of course/: not followed (only relative links within course/ are)", target)
	}
	defer f.Close()
	info, err := f.Stat()
	switch {
	case err != nil:
		return nil, time.Time{}, "cannot read it: " + pathless(err)
	case !info.Mode().IsRegular():
		return nil, time.Time{}, "not a regular file (" + info.Mode().Type().String() + "): not collected"
	case info.Size() > maxNotebook:
		return nil, time.Time{}, fmt.Sprintf("%d MiB, more than the %d MiB a notebook may be: not collected", info.Size()>>20, maxNotebook>>20)
	}
	data, err := io.ReadAll(io.LimitReader(f, maxNotebook+1))
	if err != nil {
		return nil, time.Time{}, "cannot read it: " + pathless(err)
	}
	return data, info.ModTime(), ""
}

// openQuietly opens a file for reading without blocking on a FIFO and,
// where the kernel lets us (we own it, or are root), without touching
// its access time: collecting leaves the learner's files as they were.
func openQuietly(course *os.Root, file string) (*os.File, error) {
	f, err := course.OpenFile(file, os.O_RDONLY|syscall.O_NONBLOCK|syscall.O_NOATIME, 0)
	if errors.Is(err, fs.ErrPermission) {
		f, err = course.OpenFile(file, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	}
	return f, err
}

// pathless is an error without the path os puts before it: the line
// that reports it names the file already.
func pathless(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}
