using Microsoft.Extensions.DependencyInjection;

namespace DaprShop.Workflow.Tests.Durability;

public sealed class RegistrationTests
{
    [Fact]
    public void AddDaprWorkflow_needs_an_app_id_for_the_actor_type_names()
    {
        var services = new ServiceCollection();

        var error = Assert.Throws<InvalidOperationException>(() => services.AddDaprWorkflow(options => options.AppId = null));

        Assert.Contains("APP_ID", error.Message);
    }

    [Fact]
    public void A_name_can_be_registered_only_once()
    {
        var options = new WorkflowRuntimeOptions();
        options.RegisterActivity<int, int>("Double", (_, value) => Task.FromResult(value * 2));

        Assert.Throws<InvalidOperationException>(() => options.RegisterActivity<int, int>("Double", (_, value) => Task.FromResult(value)));
    }
}
