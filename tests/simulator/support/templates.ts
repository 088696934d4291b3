// A template with every kind of variable Parley uses: text header, positional body, quick replies
// and a URL button with a suffix variable.
export const ORDER_UPDATE = {
  name: 'order_update',
  language: 'en_US',
  category: 'UTILITY',
  components: [
    { type: 'HEADER', format: 'TEXT', text: 'Order {{1}}', example: { header_text: ['#123'] } },
    { type: 'BODY', text: 'Hi {{1}}, your order {{2}} is on its way.', example: { body_text: [['Ana', '#123']] } },
    { type: 'FOOTER', text: 'Parley Shop' },
    {
      type: 'BUTTONS',
      buttons: [
        { type: 'QUICK_REPLY', text: 'Thanks' },
        { type: 'QUICK_REPLY', text: 'Stop' },
        {
          type: 'URL',
          text: 'Track',
          url: 'https://shop.example/track/{{1}}',
          example: ['https://shop.example/track/123'],
        },
      ],
    },
  ],
};
