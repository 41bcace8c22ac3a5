using System.Globalization;
using System.Text;

namespace DaprShop.Sidecar.Components.Redis;

/// <summary>Reads RESP2 replies (https://redis.io/docs/reference/protocol-spec/) from a connection's stream.</summary>
internal sealed class RespReader(Stream stream)
{
    private readonly byte[] _buffer = new byte[16 * 1024];
    private int _start;
    private int _end;

    public async Task<RedisReply> ReadAsync(CancellationToken cancellationToken)
    {
        var line = await ReadLineAsync(cancellationToken);
        if (line.Length == 0) throw new RedisProtocolException("empty reply line");
        var rest = line[1..];
        switch (line[0])
        {
            case '+':
                return RedisReply.SimpleString(rest);
            case '-':
                return RedisReply.Error(rest);
            case ':':
                return RedisReply.FromInteger(ParseLength(rest));
            case '$':
                var length = ParseLength(rest);
                if (length < 0) return RedisReply.BulkString(null);
                var bytes = await ReadExactlyAsync(checked((int)length), cancellationToken);
                await ReadLineEndAsync(cancellationToken);
                return RedisReply.BulkString(bytes);
            case '*':
                var count = ParseLength(rest);
                if (count < 0) return RedisReply.Array(null);
                var items = new RedisReply[count];
                for (var i = 0; i < count; i++) items[i] = await ReadAsync(cancellationToken);
                return RedisReply.Array(items);
            default:
                throw new RedisProtocolException($"unexpected reply type '{line[0]}'");
        }
    }

    private static long ParseLength(string text) =>
        long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new RedisProtocolException($"invalid number '{text}'");

    private async Task<string> ReadLineAsync(CancellationToken cancellationToken)
    {
        var line = new StringBuilder();
        while (true)
        {
            var newline = Array.IndexOf(_buffer, (byte)'\n', _start, _end - _start);
            if (newline >= 0)
            {
                line.Append(Encoding.UTF8.GetString(_buffer, _start, newline - _start));
                _start = newline + 1;
                if (line.Length == 0 || line[^1] != '\r') throw new RedisProtocolException("reply line does not end with CRLF");
                return line.ToString(0, line.Length - 1);
            }
            line.Append(Encoding.UTF8.GetString(_buffer, _start, _end - _start));
            _start = _end;
            await FillAsync(cancellationToken);
        }
    }

    private async Task ReadLineEndAsync(CancellationToken cancellationToken)
    {
        if (await ReadLineAsync(cancellationToken) is { Length: > 0 }) throw new RedisProtocolException("bulk string longer than announced");
    }

    private async Task<byte[]> ReadExactlyAsync(int length, CancellationToken cancellationToken)
    {
        var bytes = new byte[length];
        var copied = 0;
        while (copied < length)
        {
            if (_start == _end) await FillAsync(cancellationToken);
            var chunk = Math.Min(length - copied, _end - _start);
            Buffer.BlockCopy(_buffer, _start, bytes, copied, chunk);
            _start += chunk;
            copied += chunk;
        }
        return bytes;
    }

    private async Task FillAsync(CancellationToken cancellationToken)
    {
        _start = _end = 0;
        var read = await stream.ReadAsync(_buffer, cancellationToken);
        if (read == 0) throw new EndOfStreamException("the server closed the connection");
        _end = read;
    }
}
