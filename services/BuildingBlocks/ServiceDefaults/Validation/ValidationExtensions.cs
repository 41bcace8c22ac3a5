using System.Reflection;
using DaprShop.ServiceDefaults.Validation;
using FluentValidation;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Microsoft.AspNetCore.Builder;

public static class ValidationExtensions
{
    /// <summary>Validates the <typeparamref name="T"/> body with its FluentValidation validator; invalid → 400 validation problem.</summary>
    public static RouteHandlerBuilder WithValidation<T>(this RouteHandlerBuilder builder) =>
        builder.AddEndpointFilter<ValidationFilter<T>>().ProducesValidationProblem();

    /// <summary>
    /// Registers every validator in the assembly of <typeparamref name="T"/> as <see cref="IValidator{T}"/>, the way
    /// FluentValidation.DependencyInjectionExtensions (not available here) does, with the same method name.
    /// </summary>
    public static IServiceCollection AddValidatorsFromAssemblyContaining<T>(
        this IServiceCollection services, ServiceLifetime lifetime = ServiceLifetime.Scoped) =>
        services.AddValidatorsFromAssembly(typeof(T).Assembly, lifetime);

    public static IServiceCollection AddValidatorsFromAssembly(
        this IServiceCollection services, Assembly assembly, ServiceLifetime lifetime = ServiceLifetime.Scoped)
    {
        foreach (var validator in AssemblyScanner.FindValidatorsInAssembly(assembly))
        {
            services.Add(new ServiceDescriptor(validator.InterfaceType, validator.ValidatorType, lifetime));
        }

        return services;
    }
}
