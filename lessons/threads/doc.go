// Package threads holds what the 01-threads notebook needs besides the
// learner's own code: a web server on this machine that answers slowly
// on purpose, a way to fetch a page's title or an item from it, real
// files to copy, and the checks of the lesson's two exercises,
// fetch-all and copy-all.
//
// The seed tutorials fetched pages from Google, university sites and
// the Hacker News API. A lesson must not need the internet, and a
// timing lesson needs latency it can trust, so [StartServer] serves
// stand-ins for all of them on 127.0.0.1 with the latency the notebook
// asks for: the difference between fetching one after another and all
// at once is then plain to see, on any network or none.
package threads
