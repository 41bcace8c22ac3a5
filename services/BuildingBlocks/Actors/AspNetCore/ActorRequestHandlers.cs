using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DaprShop.Actors;

/// <summary>
/// The app side of daprd's actor protocol. A method's JSON result is answered with 200; an unknown actor type,
/// method, timer callback or a non-remindable actor with 404 (daprd does not retry those); an exception with 500 and
/// <see cref="ActorErrorBody"/>, which daprd turns into ERR_ACTOR_INVOKE_METHOD for the caller.
/// </summary>
internal static class ActorRequestHandlers
{
    /// <summary>Stops daprd from delivering a reminder or timer this app can never handle.</summary>
    private const string ReminderCancelHeader = "X-DaprReminderCancel";

    public static Task GetConfigAsync(HttpContext context)
    {
        var runtime = context.RequestServices.GetRequiredService<ActorRuntime>();
        context.Response.ContentType = "application/json";
        return context.Response.Body.WriteAsync(ActorAppConfiguration.Write(runtime.Options, runtime.ActorTypeNames), context.RequestAborted).AsTask();
    }

    public static async Task InvokeMethodAsync(HttpContext context)
    {
        if (!TryResolve(context, out var runtime, out var manager))
        {
            await WriteUnknownActorTypeAsync(context);
            return;
        }

        var methodName = RouteValue(context, "methodName");
        if (!manager.TypeInformation.Methods.TryGetValue(methodName, out var method))
        {
            await WriteErrorAsync(context, StatusCodes.Status404NotFound, "MethodNotFound", $"Actor type {manager.TypeInformation.ActorTypeName} has no method '{methodName}'.");
            return;
        }

        object? argument = null;
        if (method.ArgumentType is { } argumentType)
        {
            try
            {
                argument = await JsonSerializer.DeserializeAsync(context.Request.Body, argumentType, runtime.Options.JsonSerializerOptions, context.RequestAborted);
            }
            catch (JsonException exception)
            {
                await WriteErrorAsync(context, StatusCodes.Status400BadRequest, nameof(JsonException), $"The argument of {methodName} is not a {argumentType.Name}: {exception.Message}");
                return;
            }
        }

        await RunAsync(context, runtime, async () =>
        {
            var result = await manager.InvokeMethodAsync(RouteValue(context, "actorId"), method, argument, context.RequestAborted);
            context.Response.StatusCode = StatusCodes.Status200OK;
            if (method.ResultType is { } resultType)
            {
                context.Response.ContentType = "application/json";
                await JsonSerializer.SerializeAsync(context.Response.Body, result, resultType, runtime.Options.JsonSerializerOptions, context.RequestAborted);
            }
        });
    }

    public static async Task FireReminderAsync(HttpContext context)
    {
        if (!TryResolve(context, out var runtime, out var manager))
        {
            await WriteUnknownActorTypeAsync(context);
            return;
        }

        if (!manager.TypeInformation.IsRemindable)
        {
            context.Response.Headers[ReminderCancelHeader] = "true";
            await WriteErrorAsync(context, StatusCodes.Status404NotFound, "NotRemindable", $"Actor type {manager.TypeInformation.ActorTypeName} does not implement IRemindable.");
            return;
        }

        if (await TryReadScheduleBodyAsync(context) is not { } reminder) return;
        await RunAsync(context, runtime, () => manager.FireReminderAsync(RouteValue(context, "actorId"), RouteValue(context, "reminderName"), reminder));
    }

    public static async Task FireTimerAsync(HttpContext context)
    {
        if (!TryResolve(context, out var runtime, out var manager))
        {
            await WriteUnknownActorTypeAsync(context);
            return;
        }

        if (await TryReadScheduleBodyAsync(context) is not { } timer) return;
        if (timer.Callback is not { } callbackName
            || ActorTypeInformation.FindTimerCallback(manager.TypeInformation.ImplementationType, callbackName) is not { } callback)
        {
            context.Response.Headers[ReminderCancelHeader] = "true";
            await WriteErrorAsync(context, StatusCodes.Status404NotFound, "TimerCallbackNotFound", $"Actor type {manager.TypeInformation.ActorTypeName} has no timer callback '{timer.Callback}'.");
            return;
        }

        await RunAsync(context, runtime, () => manager.FireTimerAsync(RouteValue(context, "actorId"), callback, timer.Data));
    }

    public static async Task DeactivateAsync(HttpContext context)
    {
        if (!TryResolve(context, out var runtime, out var manager))
        {
            await WriteUnknownActorTypeAsync(context);
            return;
        }

        await RunAsync(context, runtime, () => manager.DeactivateAsync(RouteValue(context, "actorId")));
    }

    private static bool TryResolve(HttpContext context, out ActorRuntime runtime, out ActorManager manager)
    {
        runtime = context.RequestServices.GetRequiredService<ActorRuntime>();
        return runtime.TryGetManager(RouteValue(context, "actorType"), out manager);
    }

    private static Task WriteUnknownActorTypeAsync(HttpContext context) =>
        WriteErrorAsync(context, StatusCodes.Status404NotFound, "ActorTypeNotFound", $"This app does not host actor type '{RouteValue(context, "actorType")}'.");

    /// <summary>Runs one turn with the caller's reentrancy id in scope; an exception becomes a 500 with its type and message.</summary>
    private static async Task RunAsync(HttpContext context, ActorRuntime runtime, Func<Task> turn)
    {
        if (runtime.Options.ReentrancyConfig.Enabled && context.Request.Headers[ActorReentrancyContext.HeaderName] is [{ Length: > 0 } reentrancyId])
        {
            ActorReentrancyContext.Current = reentrancyId;
        }

        try
        {
            await turn();
        }
        catch (Exception exception) when (!context.Response.HasStarted)
        {
            context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ActorRequestHandlers))
                .LogWarning(exception, "Actor call {Path} failed", context.Request.Path.Value);
            await WriteErrorAsync(context, StatusCodes.Status500InternalServerError, exception.GetType().FullName ?? exception.GetType().Name, exception.Message);
        }
    }

    /// <summary>The callback's JSON body (an empty body is a callback without data); answers 400 itself and returns null when it is not JSON.</summary>
    private static async Task<ActorScheduleBody?> TryReadScheduleBodyAsync(HttpContext context)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
        if (buffer.Length == 0) return ActorScheduleBody.Read(default);

        try
        {
            using var document = JsonDocument.Parse(buffer.ToArray());
            return ActorScheduleBody.Read(document.RootElement);
        }
        catch (JsonException exception)
        {
            await WriteErrorAsync(context, StatusCodes.Status400BadRequest, nameof(JsonException), $"The callback body is not JSON: {exception.Message}");
            return null;
        }
    }

    private static Task WriteErrorAsync(HttpContext context, int statusCode, string exceptionType, string message)
    {
        context.Response.StatusCode = statusCode;
        context.Response.ContentType = "application/json";
        return JsonSerializer.SerializeAsync(context.Response.Body, new ActorErrorBody(exceptionType, message), ActorErrorBody.WireOptions, context.RequestAborted);
    }

    private static string RouteValue(HttpContext context, string name) => context.Request.RouteValues[name] as string ?? "";
}
