using FluentValidation;
using Microsoft.AspNetCore.Mvc;

namespace DaprShop.Cart.Api;

/// <summary><c>DELETE /items/{sku}</c>.</summary>
public sealed record RemoveItemRequest([FromRoute] string Sku);

public sealed class RemoveItemRequestValidator : AbstractValidator<RemoveItemRequest>
{
    public RemoveItemRequestValidator() => RuleFor(request => request.Sku).MustBeSku();
}
