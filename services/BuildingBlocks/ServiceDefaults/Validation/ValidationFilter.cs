using System.Text.Json;
using FluentValidation;
using FluentValidation.Results;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace DaprShop.ServiceDefaults.Validation;

/// <summary>
/// Runs the registered <see cref="IValidator{T}"/> on the endpoint's <typeparamref name="T"/> argument (the request
/// body) and answers 400 application/problem+json with the failing fields, keyed by their JSON (camelCase) names,
/// before the handler runs.
/// </summary>
internal sealed class ValidationFilter<T> : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        if (context.Arguments.OfType<T>().FirstOrDefault() is not { } argument) return await next(context);

        // Resolved per request: validators are registered scoped, like FluentValidation's own DI extensions do.
        var validator = context.HttpContext.RequestServices.GetService<IValidator<T>>()
            ?? throw new InvalidOperationException($"No IValidator<{typeof(T).Name}> is registered; register it with AddValidatorsFromAssemblyContaining.");
        var result = await validator.ValidateAsync(argument, context.HttpContext.RequestAborted);
        return result.IsValid ? await next(context) : TypedResults.ValidationProblem(ErrorsByField(result));
    }

    private static Dictionary<string, string[]> ErrorsByField(ValidationResult result) =>
        result.Errors
            .GroupBy(failure => JsonFieldPath(failure.PropertyName))
            .ToDictionary(group => group.Key, group => group.Select(failure => failure.ErrorMessage).Distinct().ToArray());

    /// <summary>"Address.Street" → "address.street", "Lines[0].Sku" → "lines[0].sku", matching the JSON the client sent.</summary>
    private static string JsonFieldPath(string propertyName) =>
        string.Join('.', propertyName.Split('.').Select(segment => JsonNamingPolicy.CamelCase.ConvertName(segment)));
}
