package main

import (
	"context"
	"flag"
	"fmt"
	"os"

	"github.com/goconc/goconc/kernel/course"
	"github.com/goconc/goconc/kernel/jupyter"
)

func openCommand(fs *flag.FlagSet) func(context.Context, *course.Course, []string) error {
	port := fs.Int("port", 8888, "port on 127.0.0.1 (0 picks a free one)")
	return func(ctx context.Context, c *course.Course, args []string) error {
		fs.Parse(args)
		hasDisplay := os.Getenv("DISPLAY") != "" || os.Getenv("WAYLAND_DISPLAY") != ""
		srv, err := jupyter.StartServer(ctx, c, *port, hasDisplay, os.Stderr)
		if err != nil {
			return err
		}
		fmt.Printf("\nThe course is open at\n\n    %s\n\nStart with 00-intro.ipynb. Ctrl-C stops the server.\n\n", srv.URL)
		select {
		case <-ctx.Done():
			srv.Stop()
			return nil
		case <-waitChan(srv):
			return fmt.Errorf("jupyter notebook stopped")
		}
	}
}

func waitChan(srv *jupyter.Server) <-chan error {
	ch := make(chan error, 1)
	go func() { ch <- srv.Wait() }()
	return ch
}
