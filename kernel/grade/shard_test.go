package grade

import (
	"fmt"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestEveryLearnerIsInExactlyOneShardAndStaysThere(t *testing.T) {
	const n = 4
	sizes := make([]int, n)
	for i := range 200 {
		name := fmt.Sprintf("learner-%03d", i)
		in := 0
		for k := 1; k <= n; k++ {
			if (Shard{k, n}).Has(name) {
				in++
				sizes[k-1]++
			}
		}
		assert.Equal(t, 1, in, "%s is in one shard", name)
	}
	for k, size := range sizes {
		assert.Greater(t, size, 25, "shard %d/%d has a fair share of 200: %v", k+1, n, sizes)
	}
	// The split is part of the contract (the README's worked example
	// relies on it not changing between goconc versions).
	assert.True(t, Shard{3, 3}.Has("alice"))
	assert.True(t, Shard{1, 2}.Has("bob"))
	assert.True(t, Shard{2, 2}.Has("dave"))
	assert.True(t, Shard{}.Has("anyone"), "no shard: everyone")
}

func TestAShardIsKOfN(t *testing.T) {
	sh, err := ParseShard("3/4")
	require.NoError(t, err)
	assert.Equal(t, Shard{3, 4}, sh)
	assert.Equal(t, "3/4", sh.String())
	for _, bad := range []string{"0/4", "5/4", "4", "a/b", "1/0", ""} {
		_, err := ParseShard(bad)
		assert.ErrorContains(t, err, "want K/N with 1 ≤ K ≤ N", bad)
	}
}

func shardOf(shard string, students ...string) Class {
	c := Class{Course: "abc", Race: true, Sandbox: true, Shard: shard, Graded: time.Unix(1000, 0)}
	for _, s := range students {
		c.Students = append(c.Students, StudentResult{Student: s})
	}
	return c
}

func TestMergeJoinsAllShardsAndRefusesWhatIsNotOneGrading(t *testing.T) {
	dirs := []string{"out1", "out2"}
	merged, err := Merge(dirs, []Class{shardOf("2/2", "zed", "bob"), shardOf("1/2", "alice")})
	require.NoError(t, err)
	assert.Equal(t, "", merged.Shard)
	var names []string
	for _, s := range merged.Students {
		names = append(names, s.Student)
	}
	assert.Equal(t, []string{"alice", "bob", "zed"}, names)

	_, err = Merge(dirs, []Class{shardOf("1/2", "alice"), shardOf("2/2", "alice")})
	assert.EqualError(t, err, "learner alice is in both out1 and out2")
	_, err = Merge(dirs, []Class{shardOf("1/2", "a"), shardOf("1/2", "b")})
	assert.EqualError(t, err, "shard 1/2 is both out1 and out2")
	_, err = Merge(dirs[:1], []Class{shardOf("1/2", "a")})
	assert.EqualError(t, err, "shard 2/2 is missing: merge all 2 shards at once")
	_, err = Merge(dirs, []Class{shardOf("1/2", "a"), shardOf("2/3", "b")})
	assert.ErrorContains(t, err, "out1 and out2 are not shards of one grading: one of 2 shards, one of 3")
	other := shardOf("2/2", "b")
	other.Race = false
	_, err = Merge(dirs, []Class{shardOf("1/2", "a"), other})
	assert.ErrorContains(t, err, "race detector true and false")
	other = shardOf("2/2", "b")
	other.Course = "def"
	_, err = Merge(dirs, []Class{shardOf("1/2", "a"), other})
	assert.ErrorContains(t, err, "another course checkout or other settings")
	other = shardOf("2/2", "b")
	other.Notebooks = []string{"01-threads.ipynb"}
	_, err = Merge(dirs, []Class{shardOf("1/2", "a"), other})
	assert.ErrorContains(t, err, "notebooks")
	_, err = Merge(dirs, []Class{shardOf("", "a"), shardOf("2/2", "b")})
	assert.EqualError(t, err, "out1 is not a shard (graded without --shard)")
}
