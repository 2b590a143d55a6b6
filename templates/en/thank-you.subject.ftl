Thank you for our conversation
