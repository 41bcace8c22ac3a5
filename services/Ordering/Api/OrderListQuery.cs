using DaprShop.Contracts.Ordering;
using FluentValidation;

namespace DaprShop.Ordering.Api;

/// <summary>Query of the order lists: <c>?page=&amp;pageSize=</c> (1-based, default 1 and 20), and for admins <c>&amp;status=</c>.</summary>
public sealed record OrderListQuery(int? Page, int? PageSize, OrderStatus? Status)
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;

    public int PageOrDefault => Page ?? 1;

    public int PageSizeOrDefault => PageSize ?? DefaultPageSize;
}

public sealed class OrderListQueryValidator : AbstractValidator<OrderListQuery>
{
    public OrderListQueryValidator()
    {
        RuleFor(query => query.Page).GreaterThanOrEqualTo(1);
        RuleFor(query => query.PageSize).InclusiveBetween(1, OrderListQuery.MaxPageSize);
        RuleFor(query => query.Status).IsInEnum();
    }
}
