namespace DaprShop.Cart.Domain;

/// <param name="AlreadyMerged">This guest cart, at this revision, was merged before; nothing changed.</param>
/// <param name="LinesMerged">Guest lines added to the user cart or summed into one of its lines.</param>
/// <param name="SkusLeftOut">Guest lines the user cart could not take (another currency, or no room for more lines).</param>
public sealed record CartMergeOutcome(bool AlreadyMerged, int LinesMerged, IReadOnlyList<string> SkusLeftOut)
{
    public static CartMergeOutcome Nothing { get; } = new(false, 0, []);
}
