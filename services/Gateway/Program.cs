using DaprShop.Gateway;
using DaprShop.Gateway.Api;
using DaprShop.Gateway.Correlation;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.Services.AddGateway();

var app = builder.Build();
app.UseCorrelationId();
app.UseServiceDefaults();
app.UseGatewayEdge();
app.MapGatewayApi();
app.Run();
