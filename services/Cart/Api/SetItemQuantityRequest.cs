using FluentValidation;
using Microsoft.AspNetCore.Mvc;

namespace DaprShop.Cart.Api;

/// <summary><c>PUT /items/{sku}</c> with body <c>{quantity}</c>: set the line's quantity; 0 removes it.</summary>
public sealed record SetItemQuantityRequest([FromRoute] string Sku, [FromBody] ItemQuantity Body);

public sealed record ItemQuantity(int? Quantity);

public sealed class SetItemQuantityRequestValidator : AbstractValidator<SetItemQuantityRequest>
{
    public SetItemQuantityRequestValidator()
    {
        RuleFor(request => request.Sku).MustBeSku();
        // Named as the client wrote it: the quantity field of the body.
        RuleFor(request => request.Body.Quantity).MustBeQuantity(0).OverridePropertyName("quantity");
    }
}
