package main

import (
	"context"
	"flag"
	"fmt"
	"os"

	"github.com/goconc/goconc/kernel"
)

func open(ctx context.Context, course *kernel.Course, args []string) error {
	fs := flag.NewFlagSet("open", flag.ExitOnError)
	port := fs.Int("port", 8888, "port on 127.0.0.1 (0 picks a free one)")
	fs.Parse(args)
	hasDisplay := os.Getenv("DISPLAY") != "" || os.Getenv("WAYLAND_DISPLAY") != ""
	srv, err := kernel.StartNotebook(ctx, course, *port, hasDisplay, os.Stderr)
	if err != nil {
		return err
	}
	fmt.Printf("\nThe course is open at\n\n    %s\n\nOpen 01-threads.ipynb to begin. Ctrl-C stops the server.\n\n", srv.URL)
	select {
	case <-ctx.Done():
		srv.Stop()
		return nil
	case <-waitChan(srv):
		return fmt.Errorf("jupyter notebook stopped")
	}
}

func waitChan(srv *kernel.NotebookServer) <-chan error {
	ch := make(chan error, 1)
	go func() { ch <- srv.Wait() }()
	return ch
}
