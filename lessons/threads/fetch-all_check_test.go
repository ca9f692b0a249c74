package threads

import (
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/goconc/goconc/lessons/exercise"
	"github.com/goconc/goconc/lessons/exercise/exercisetest"
	"github.com/stretchr/testify/assert"
)

// The order part's fixture must tell pages[i] from every other way of
// ordering the pages: page order, sorted as strings, the order the
// fetches finish, and its reverse.
func TestTheOrderFixtureIsInNoOrderAWrongFetchAllCouldGuess(t *testing.T) {
	given := orderPages
	assert.ElementsMatch(t, []int{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13}, given)
	assert.False(t, slices.IsSorted(given), "not in page order")
	asStrings := slices.Clone(given)
	slices.SortFunc(asStrings, func(a, b int) int {
		return strings.Compare(strconv.Itoa(a), strconv.Itoa(b))
	})
	assert.NotEqual(t, asStrings, given, "not sorted as strings")

	finished := make([]int, len(given)) // pages in the order they answer
	for i, rank := range finishRank {
		finished[rank] = given[i]
	}
	assert.NotEqual(t, given, finished, "not the order they finish")
	reversed := slices.Clone(finished)
	slices.Reverse(reversed)
	assert.NotEqual(t, given, reversed, "not its reverse")
	assert.Equal(t, 0, finishRank[len(finishRank)-1], "the last URL answers first")
}

func stubFetchAll(urls []string, fetch FetchFunc) []Page {
	panic("TODO: start one goroutine per URL and wait for them all")
}

func TestStubFetchAll(t *testing.T) {
	exercisetest.OnlyInChild(t)
	CheckFetchAll(t, stubFetchAll)
}

// The notebook's untouched stub fails every claim with its TODO, and
// the function it is in, and scores 0 without a word about races.
func TestTheStubIsToldItsTODOInEveryPart(t *testing.T) {
	out := exercisetest.Output(t, "TestStubFetchAll")
	assert.Contains(t, out, "your code panicked: TODO: start one goroutine per URL and wait for them all (in stubFetchAll)")
	assert.Contains(t, out, "--- FAIL: "+exercise.Subtest("TestStubFetchAll", "fetches the real pages from the local server"))
	assert.Contains(t, out, "--- PASS: "+exercise.Subtest("TestStubFetchAll", "has no data race"))
	assert.Regexp(t, "(?m)^FAIL fetch-all: 0/10 points$", out)
}
