using DaprShop.Sidecar.Components;

namespace DaprShop.Dapr.Tests.Infrastructure;

/// <summary>
/// A test against the local sidecar that needs the given component types. Component implementations land in the
/// sidecar one by one; until the sidecar implements a type, tests needing it are reported as skipped, never green.
/// </summary>
public sealed class SidecarFactAttribute : FactAttribute
{
    public SidecarFactAttribute(params string[] componentTypes)
    {
        var missing = componentTypes.Where(type => !ComponentFactory.IsSupported(type)).ToArray();
        if (missing.Length > 0) Skip = $"the local sidecar does not implement {string.Join(", ", missing)} yet";
    }
}
