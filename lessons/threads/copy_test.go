package threads

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestMakeFilesWritesVideosAndJobsToCopyThem(t *testing.T) {
	dir := t.TempDir()
	jobs, err := MakeFiles(dir, 3, 1000)
	require.NoError(t, err)
	assert.Equal(t, []CopyJob{
		{filepath.Join(dir, "v1.mkv"), filepath.Join(dir, "copy-of-v1.mkv")},
		{filepath.Join(dir, "v2.mkv"), filepath.Join(dir, "copy-of-v2.mkv")},
		{filepath.Join(dir, "v3.mkv"), filepath.Join(dir, "copy-of-v3.mkv")},
	}, jobs)
	for _, job := range jobs {
		info, err := os.Stat(job.Src)
		require.NoError(t, err)
		assert.Equal(t, int64(1000), info.Size())
		assert.NoFileExists(t, job.Dst, "MakeFiles only makes the sources")
	}
	assert.NotEqual(t, read(t, jobs[0].Src), read(t, jobs[1].Src), "files differ from each other")
}

func TestMakeFilesWritesTheSameBytesEveryRun(t *testing.T) {
	a, err := MakeFiles(t.TempDir(), 2, 4096)
	require.NoError(t, err)
	b, err := MakeFiles(t.TempDir(), 2, 4096)
	require.NoError(t, err)
	assert.Equal(t, read(t, a[1].Src), read(t, b[1].Src))
}

func TestCopyFileCopiesEveryByte(t *testing.T) {
	jobs, err := MakeFiles(t.TempDir(), 1, 100_000)
	require.NoError(t, err)
	require.NoError(t, CopyFile(jobs[0]))
	assert.True(t, bytes.Equal(read(t, jobs[0].Src), read(t, jobs[0].Dst)))
}

func TestCopyFileReplacesALongerDestination(t *testing.T) {
	jobs, err := MakeFiles(t.TempDir(), 1, 10)
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(jobs[0].Dst, make([]byte, 5000), 0o644))
	require.NoError(t, CopyFile(jobs[0]))
	assert.Equal(t, read(t, jobs[0].Src), read(t, jobs[0].Dst))
}

func TestCopyFileNamesAMissingSource(t *testing.T) {
	dir := t.TempDir()
	src := filepath.Join(dir, "v9.mkv")
	err := CopyFile(CopyJob{Src: src, Dst: filepath.Join(dir, "copy-of-v9.mkv")})
	assert.ErrorIs(t, err, fs.ErrNotExist)
	assert.Contains(t, err.Error(), src)
	assert.NoFileExists(t, filepath.Join(dir, "copy-of-v9.mkv"), "nothing is created when the source is missing")
}

func TestCopyFileNamesADestinationItCannotCreate(t *testing.T) {
	jobs, err := MakeFiles(t.TempDir(), 1, 10)
	require.NoError(t, err)
	dst := filepath.Join(t.TempDir(), "no-such-dir", "copy.mkv")
	err = CopyFile(CopyJob{Src: jobs[0].Src, Dst: dst})
	assert.ErrorIs(t, err, fs.ErrNotExist)
	assert.Contains(t, err.Error(), dst)
}

func read(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	require.NoError(t, err)
	return b
}
