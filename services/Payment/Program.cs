using DaprShop.Payment;
using DaprShop.Payment.Api;
using DaprShop.Payment.Webhooks;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.Services.AddPayment(builder.Configuration);

var app = builder.Build();
app.UseServiceDefaults();
app.MapPaymentsApi();
app.MapStripeWebhookApi();
app.Run();
