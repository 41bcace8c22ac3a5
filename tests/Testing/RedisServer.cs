using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using DaprShop.Sidecar.Components.Redis;

namespace DaprShop.Testing;

/// <summary>
/// A real <c>redis-server</c> process on a free loopback port, without persistence (so a restart loses every stream and
/// group, as a crashed cache without a disk would): the project's stand-in for a Testcontainers Redis. Started and
/// waited for until it answers PING; killed on dispose.
/// </summary>
public sealed class RedisServer : IAsyncDisposable
{
    private static readonly TimeSpan StartupTimeout = TimeSpan.FromSeconds(15);

    private readonly IReadOnlyList<string> _arguments;
    private readonly StringBuilder _output = new();
    private Process? _process;

    private RedisServer(int port, string? password, (string Name, string Password)? user)
    {
        Port = port;
        Password = password;
        User = user;
        List<string> arguments = ["--port", Port.ToString(CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"];
        if (password is not null) arguments.AddRange(["--requirepass", password]);
        if (user is { } acl) arguments.AddRange(["--user", acl.Name, "on", ">" + acl.Password, "~*", "&*", "+@all"]);
        _arguments = arguments;
    }

    public int Port { get; }

    /// <summary><c>redisHost</c> for a component: host:port.</summary>
    public string Address => $"127.0.0.1:{Port}";

    /// <summary>The default user's password (<c>requirepass</c>), if any.</summary>
    public string? Password { get; }

    /// <summary>An ACL user besides the default one, if any.</summary>
    public (string Name, string Password)? User { get; }

    /// <summary>What the server printed, to explain a failing test.</summary>
    public string Output
    {
        get { lock (_output) return _output.ToString(); }
    }

    /// <param name="password">Makes clients AUTH with this password (<c>--requirepass</c>).</param>
    /// <param name="user">Adds an ACL user allowed everything, for AUTH with a username.</param>
    public static async Task<RedisServer> StartAsync(string? password = null, (string Name, string Password)? user = null)
    {
        var server = new RedisServer(FreePort.Next(), password, user);
        try
        {
            await server.StartProcessAsync();
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
        return server;
    }

    /// <summary>A client that authenticates as the default user.</summary>
    public RedisClient CreateClient() =>
        new(new RedisSettings("127.0.0.1", Port, null, Password, 0, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(5)));

    /// <summary>SIGKILL: the server is gone at once, with everything it held.</summary>
    public void Kill()
    {
        if (_process is null || _process.HasExited) return;
        _process.Kill();
        _process.WaitForExit();
    }

    /// <summary>Starts the server again on the same port after <see cref="Kill"/>, empty.</summary>
    public Task RestartAsync() => StartProcessAsync();

    private async Task StartProcessAsync()
    {
        var start = new ProcessStartInfo("redis-server") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in _arguments) start.ArgumentList.Add(argument);
        try
        {
            _process?.Dispose();
            _process = Process.Start(start)!;
        }
        catch (Win32Exception error)
        {
            throw new InvalidOperationException($"redis-server is not installed, and the pubsub.redis tests need it: apt-get install -y redis-server ({error.Message})", error);
        }
        _process.OutputDataReceived += (_, line) => Append(line.Data);
        _process.ErrorDataReceived += (_, line) => Append(line.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        await WaitUntilAnswersAsync(_process);
    }

    private async Task WaitUntilAnswersAsync(Process process)
    {
        await using var client = CreateClient();
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                await client.ExecuteAsync(["PING"], CancellationToken.None);
                return;
            }
            catch (RedisConnectionException) when (!process.HasExited && deadline.Elapsed < StartupTimeout)
            {
                await Task.Delay(20);
            }
            catch (RedisConnectionException error)
            {
                throw new InvalidOperationException(
                    process.HasExited ? $"redis-server exited with {process.ExitCode}:\n{Output}" : $"redis-server did not answer PING within {StartupTimeout}: {error.Message}\n{Output}",
                    error);
            }
        }
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (_output) _output.AppendLine(line);
    }

    public ValueTask DisposeAsync()
    {
        Kill();
        _process?.Dispose();
        return ValueTask.CompletedTask;
    }
}
