package threads

import (
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
)

// CopyJob is one file to copy: seed 000 kept these as {'v1.mkv':
// 'v11.mkv'} dictionaries on a queue.
type CopyJob struct{ Src, Dst string }

// CopyFunc copies one file. The copy-all exercise takes one as a
// parameter so that the checks can pass in a fake that sleeps on a
// fake clock, and the notebook can pass in [CopyFile].
type CopyFunc func(CopyJob) error

// CopyFile copies job.Src to job.Dst, creating Dst or emptying it
// first, like shutil.copy. Every error names the file it is about.
func CopyFile(job CopyJob) (err error) {
	src, err := os.Open(job.Src)
	if err != nil {
		return err // *fs.PathError: "open v1.mkv: no such file or directory"
	}
	defer src.Close()
	dst, err := os.Create(job.Dst)
	if err != nil {
		return err
	}
	// A write can fail as late as Close (a full disk, say): a copy
	// that ignores Close's error can report success for a short file.
	defer func() {
		if cerr := dst.Close(); err == nil {
			err = cerr
		}
	}()
	if _, err := io.Copy(dst, src); err != nil {
		return fmt.Errorf("copy %s to %s: %w", job.Src, job.Dst, err)
	}
	return nil
}

// MakeFiles writes n files of size bytes in dir, named v1.mkv, v2.mkv
// and so on like the seed's videos, and returns one job per file that
// copies it to copy-of-v1.mkv and so on in the same dir. The bytes look
// random but are the same on every run, and differ from file to file,
// so a copy that mixes two files up is caught.
func MakeFiles(dir string, n, size int) ([]CopyJob, error) {
	jobs := make([]CopyJob, n)
	for i := range n {
		name := fmt.Sprintf("v%d.mkv", i+1)
		jobs[i] = CopyJob{
			Src: filepath.Join(dir, name),
			Dst: filepath.Join(dir, "copy-of-"+name),
		}
		if err := writeFile(jobs[i].Src, i+1, size); err != nil {
			return nil, err
		}
	}
	return jobs, nil
}

// writeFile writes size bytes of the stream that seed picks.
func writeFile(path string, seed, size int) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	var key [32]byte
	key[0] = byte(seed)
	key[1] = byte(seed >> 8)
	_, err = io.CopyN(f, rand.NewChaCha8(key), int64(size))
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("make %s: %w", path, err)
	}
	return nil
}
