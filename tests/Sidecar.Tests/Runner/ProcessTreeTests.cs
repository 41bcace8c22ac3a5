using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.Versioning;
using DaprShop.Sidecar.Runner;

namespace DaprShop.Sidecar.Tests.Runner;

/// <summary>Process trees are read from /proc, so these run on Linux only.</summary>
[SupportedOSPlatform("linux")]
public sealed class ProcessTreeTests
{
    [Fact]
    public async Task Terminate_stops_the_process_and_every_descendant_with_SIGTERM_within_the_grace_period()
    {
        using var shell = new Shell("sleep 300 & sleep 300 & wait");
        await Poll.UntilAsync(() => ProcessTree.DescendantsOf(shell.Id).Count == 2, TimeSpan.FromSeconds(10), "the shell started two children");
        var members = ProcessTree.DescendantsOf(shell.Id).Append(shell.Id).ToList();

        var clock = Stopwatch.StartNew();
        await new ProcessTree(shell.Id).TerminateAsync(TimeSpan.FromSeconds(20));

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"SIGTERM should have been enough, took {clock.Elapsed}");
        Assert.All(members, pid => Assert.False(ProcessTree.IsRunning(pid), $"pid {pid} survived"));
    }

    [Fact]
    public async Task Processes_that_ignore_SIGTERM_are_killed_after_the_grace_period()
    {
        // An ignored signal stays ignored across fork and exec, so the children ignore SIGTERM too.
        using var shell = new Shell("trap '' TERM; sleep 300 & sleep 300 & wait");
        await Poll.UntilAsync(() => ProcessTree.DescendantsOf(shell.Id).Count == 2, TimeSpan.FromSeconds(10), "the shell started two children");
        var members = ProcessTree.DescendantsOf(shell.Id).Append(shell.Id).ToList();

        await new ProcessTree(shell.Id).TerminateAsync(TimeSpan.FromMilliseconds(300));

        Assert.All(members, pid => Assert.False(ProcessTree.IsRunning(pid), $"pid {pid} survived"));
    }

    [Fact]
    public async Task An_app_process_remembers_descendants_that_outlive_it_and_stops_them()
    {
        var lines = new ConcurrentQueue<string>();
        // The child appears a second after the start, so only watching the tree while it runs can know it.
        var app = AppProcess.Start(["sh", "-c", "sleep 1; sleep 300 & echo $!; sleep 1.5"], Path.GetTempPath(), new Dictionary<string, string>(), lines.Enqueue);
        await Poll.UntilAsync(() => !lines.IsEmpty, TimeSpan.FromSeconds(10), "the shell printed its child's pid");
        var orphan = int.Parse(lines.Single());

        Assert.Equal(0, await app.Exited);
        Assert.True(ProcessTree.IsRunning(orphan), "the background sleep should outlive the shell");

        await app.StopAsync(TimeSpan.FromSeconds(5));

        Assert.False(ProcessTree.IsRunning(orphan));
    }

    [Fact]
    public async Task An_app_process_runs_in_its_directory_with_inherited_and_given_environment_and_both_output_streams()
    {
        using var directory = new TempDirectory();
        var script = directory.WriteFile("show.sh", "#!/bin/sh\necho \"cwd=$(pwd)\"\necho \"id=$APP_ID\"\necho \"arg=$1\"\necho \"home=$HOME\"\necho oops >&2\n");
        File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var lines = new ConcurrentQueue<string>();

        // A relative command with a slash is found in the app's directory, as Go's exec does after its chdir.
        var app = AppProcess.Start(["./show.sh", "argument with spaces"], directory.Path, new Dictionary<string, string> { ["APP_ID"] = "cart" }, lines.Enqueue);

        Assert.Equal(0, await app.Exited);
        Assert.Equal(
            ["arg=argument with spaces", $"cwd={directory.Path}", $"home={Environment.GetEnvironmentVariable("HOME")}", "id=cart", "oops"],
            lines.Order(StringComparer.Ordinal));
    }

    /// <summary>sh -c script; whatever a failed assertion leaves of its tree is killed on dispose.</summary>
    private sealed class Shell(string script) : IDisposable
    {
        private readonly Process _process = Process.Start("sh", ["-c", script]);

        public int Id => _process.Id;

        public void Dispose()
        {
            if (!_process.HasExited) _process.Kill(entireProcessTree: true);
            _process.Dispose();
        }
    }
}
