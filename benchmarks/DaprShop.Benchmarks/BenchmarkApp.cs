namespace DaprShop.Benchmarks;

/// <summary>
/// The invocation target (<c>serve-app</c> mode): a Kestrel app with one method that reads a small JSON order and
/// answers a tiny JSON verdict, so the figures measure the hops, not the app.
/// </summary>
public static class BenchmarkApp
{
    public const string AppId = "bench-app";
    public const string MethodName = "validate-order";

    private static readonly byte[] Verdict = """{"valid":true}"""u8.ToArray();

    public static int VerdictBytes => Verdict.Length;

    public static async Task<int> ServeAsync()
    {
        var builder = ChildWebApp.CreateBuilder();
        var app = builder.Build();
        app.UseRouting();
        app.MapPost("/" + MethodName, ValidateOrderAsync);
        return await ChildWebApp.ServeUntilParentLeavesAsync(app);
    }

    private static async Task ValidateOrderAsync(HttpContext context)
    {
        // A real handler reads the whole body before answering; so does this one.
        await context.Request.Body.CopyToAsync(Stream.Null, context.RequestAborted);
        context.Response.ContentType = "application/json";
        context.Response.ContentLength = Verdict.Length;
        await context.Response.Body.WriteAsync(Verdict, context.RequestAborted);
    }
}
