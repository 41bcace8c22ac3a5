namespace DaprShop.Sidecar.Components.Redis;

/// <summary>The server answered a command with an error reply, e.g. <c>NOGROUP ...</c> or <c>WRONGPASS ...</c>.</summary>
public sealed class RedisServerException(string message) : Exception(message)
{
    /// <summary>The error's first word, which Redis uses as its code (ERR, NOGROUP, BUSYGROUP, NOAUTH, WRONGPASS...).</summary>
    public string Code => Message.Split(' ', 2)[0];
}

/// <summary>The server could not be reached, the connection dropped or a command timed out; the connection is discarded.</summary>
public sealed class RedisConnectionException(string message, Exception? inner = null, bool timedOut = false) : Exception(message, inner)
{
    /// <summary>The command may have run: it was sent, but no reply came in time.</summary>
    public bool TimedOut { get; } = timedOut;
}

/// <summary>The server sent something that is not RESP2, or not the reply shape a command has.</summary>
public sealed class RedisProtocolException(string message) : Exception(message);
