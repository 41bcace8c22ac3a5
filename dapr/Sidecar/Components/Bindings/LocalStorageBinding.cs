using System.Buffers;
using System.Buffers.Text;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;

namespace DaprShop.Sidecar.Components.Bindings;

/// <summary>
/// <c>bindings.localstorage</c>: files under <c>rootPath</c>, with the operations, data handling and responses of
/// components-contrib bindings/localstorage/localstorage.go. One deliberate difference: Dapr confines file names to
/// the root with securejoin, silently mapping "../x" to "x"; this binding refuses any name that leaves the root.
/// </summary>
public sealed class LocalStorageBinding : IOutputBinding
{
    private const string FileNameKey = "fileName";

    // localstorage.go disallowedRootPaths (see components-contrib issue 2444 for /var/run/secrets).
    private static readonly string[] DisallowedRoots = ["/proc", "/sys", "/boot", "/var/run/secrets"];

    // Like Go's json.Marshal, leave non-ASCII file names readable.
    private static readonly JsonSerializerOptions ResponseJson = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    private readonly string _root;

    private LocalStorageBinding(string root) => _root = root;

    public static LocalStorageBinding Create(ComponentContext context)
    {
        var rootPath = context.Get("rootPath") is { Length: > 0 } configured
            ? configured
            : throw new ComponentInitException($"component {context.Name}: property rootPath must not be empty");
        var root = RealPath(context.ResolvePath(rootPath));
        if (File.Exists(root))
            throw new ComponentInitException($"component {context.Name}: property rootPath represents a file and not a directory");
        if (DisallowedRoots.Any(disallowed => root == disallowed || root.StartsWith(disallowed + "/", StringComparison.Ordinal)))
            throw new ComponentInitException($"component {context.Name}: property rootPath points to a disallowed location");
        try
        {
            Directory.CreateDirectory(root);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new ComponentInitException(
                $"component {context.Name}: unable to create directory specified by 'rootPath' {root}: {exception.Message}", exception);
        }
        return new LocalStorageBinding(root);
    }

    public IReadOnlyList<string> Operations { get; } = ["create", "get", "list", "delete"];

    public Task<BindingResponse> InvokeAsync(BindingRequest request, CancellationToken cancellationToken)
    {
        var fileName = request.Metadata.TryGetValue(FileNameKey, out var name) ? name : "";
        if (fileName.Length == 0 && request.Operation == "create") fileName = Guid.NewGuid().ToString();
        try
        {
            return Task.FromResult(request.Operation switch
            {
                "create" => Create(fileName, request.Data),
                "get" => Get(fileName),
                "list" => List(fileName),
                "delete" => Delete(fileName),
                _ => throw new BindingException($"unsupported operation {request.Operation}"),
            });
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new BindingException(exception.Message, exception);
        }
    }

    /// <summary>
    /// daprd hands over the JSON-serialized <c>data</c>. localstorage.go first unquotes it when it is a quoted string,
    /// then base64-decodes the result whenever that is valid standard base64 (there is no option for this), and
    /// writes the bytes. So "hello" is written as hello, "aGVsbG8=" as hello, and {"a":1} as it is.
    /// The response is <c>{"fileName": "&lt;path relative to rootPath&gt;"}</c>.
    /// </summary>
    private BindingResponse Create(string fileName, byte[] data)
    {
        var (path, relativePath) = Resolve(fileName);
        if (TryUnquote(data, out var unquoted)) data = unquoted;
        if (TryDecodeBase64(data, out var decoded)) data = decoded;
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, data);
        return new BindingResponse(
            JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, string> { [FileNameKey] = relativePath }, ResponseJson),
            new Dictionary<string, string>());
    }

    private BindingResponse Get(string fileName)
    {
        var (path, _) = Resolve(fileName);
        if (Directory.Exists(path)) throw new BindingException($"error reading file {path}: is a directory");
        if (!File.Exists(path)) throw new BindingException($"file not found: {path}");
        return new BindingResponse(File.ReadAllBytes(path), new Dictionary<string, string>());
    }

    /// <summary>
    /// localstorage.go walkPath: absolute paths of everything below the directory that is not a directory, in
    /// filepath.Walk order (depth first, names in byte order, symlinks not followed). An empty directory gives
    /// <c>null</c>, the JSON of Go's nil slice.
    /// </summary>
    private BindingResponse List(string fileName)
    {
        var (path, _) = Resolve(fileName);
        if (File.Exists(path)) throw new BindingException($"unable to list files as the file specified is not a directory: {path}");
        if (!Directory.Exists(path)) throw new BindingException($"error getting stats for path {path}: no such file or directory");
        var files = new List<string>();
        Walk(path);
        return new BindingResponse(
            files.Count == 0 ? "null"u8.ToArray() : JsonSerializer.SerializeToUtf8Bytes(files, ResponseJson),
            new Dictionary<string, string>());

        void Walk(string directory)
        {
            foreach (var entry in Directory.EnumerateFileSystemEntries(directory).Order(StringComparer.Ordinal))
            {
                if (Directory.Exists(entry) && new DirectoryInfo(entry).LinkTarget is null) Walk(entry);
                else files.Add(entry);
            }
        }
    }

    /// <summary>os.Remove: a file, or a directory only when it is empty. Nothing is returned (the API answers 204).</summary>
    private BindingResponse Delete(string fileName)
    {
        var (path, _) = Resolve(fileName);
        if (File.Exists(path)) File.Delete(path);
        else if (Directory.Exists(path)) Directory.Delete(path, recursive: false);
        else throw new BindingException($"error deleting file {path}: no such file or directory");
        return BindingResponse.Empty;
    }

    /// <summary>
    /// The absolute path for a file name and that path relative to the root. As with securejoin, a leading '/' is
    /// relative to the root. Names that step out of the root, directly or through a symlink, are refused.
    /// </summary>
    private (string Path, string RelativePath) Resolve(string fileName)
    {
        var path = Path.GetFullPath(fileName.TrimStart('/'), _root);
        if (!IsInsideRoot(path)) throw new BindingException($"file name {fileName} points outside rootPath");
        var relativePath = Path.GetRelativePath(_root, path);
        var current = _root;
        foreach (var segment in relativePath.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            current = Path.Combine(current, segment);
            if (new FileInfo(current).LinkTarget is not null && !IsInsideRoot(RealPath(current)))
                throw new BindingException($"file name {fileName} points outside rootPath");
        }
        return (path, relativePath);
    }

    private bool IsInsideRoot(string path) =>
        path == _root || path.StartsWith(_root.EndsWith('/') ? _root : _root + "/", StringComparison.Ordinal);

    /// <summary>The path with every existing symlink in it resolved, like Go's filepath.EvalSymlinks on the part that exists.</summary>
    private static string RealPath(string path)
    {
        var parent = Path.GetDirectoryName(path);
        if (parent is null) return path;
        var candidate = new FileInfo(Path.Combine(RealPath(parent), Path.GetFileName(path)));
        return candidate.LinkTarget is null
            ? candidate.FullName
            : RealPath(candidate.ResolveLinkTarget(returnFinalTarget: true)!.FullName);
    }

    /// <summary>
    /// Go's strconv.Unquote on a double-quoted string. daprd's data is JSON, where that is exactly a JSON string
    /// (JSON's "\/" and surrogate-pair escapes, which Go's json.Marshal never produces, are accepted here too).
    /// </summary>
    private static bool TryUnquote(byte[] data, out byte[] unquoted)
    {
        unquoted = data;
        if (data.Length < 2 || data[0] != '"' || data[^1] != '"') return false;
        try
        {
            var reader = new Utf8JsonReader(data);
            if (!reader.Read() || reader.TokenType != JsonTokenType.String) return false;
            unquoted = Encoding.UTF8.GetBytes(reader.GetString()!);
            return !reader.Read();
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>Go's base64.StdEncoding.DecodeString: padded standard alphabet; only '\r' and '\n' are skipped.</summary>
    private static bool TryDecodeBase64(byte[] data, out byte[] decoded)
    {
        decoded = data;
        var compact = data.Where(b => b is not ((byte)'\r' or (byte)'\n')).ToArray();
        if (!compact.All(b => char.IsAsciiLetterOrDigit((char)b) || b is (byte)'+' or (byte)'/' or (byte)'=')) return false;
        var buffer = new byte[Base64.GetMaxDecodedFromUtf8Length(compact.Length)];
        if (Base64.DecodeFromUtf8(compact, buffer, out var consumed, out var written) != OperationStatus.Done
            || consumed != compact.Length)
            return false;
        decoded = buffer[..written];
        return true;
    }
}
