using DaprShop.Catalog.Domain;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DaprShop.Catalog.Api;

public static class CategoriesApi
{
    public static IEndpointRouteBuilder MapCategoriesApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/categories", (CategoryTree tree) => TypedResults.Ok(NodesUnder(tree, parentSlug: null)))
            .WithName("GetCategories")
            .WithTags("Categories");
        return endpoints;
    }

    private static IReadOnlyList<CategoryNode> NodesUnder(CategoryTree tree, string? parentSlug) =>
        [.. tree.ChildrenOf(parentSlug).Select(category => new CategoryNode(category.Slug, category.Name, NodesUnder(tree, category.Slug)))];
}
